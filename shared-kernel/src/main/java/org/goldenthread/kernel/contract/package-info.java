/**
 * The Do stage: contracts between a commissioning and a provider organisation, their KPIs (derived from a programme's
 * measures, or justified), the provider's agreement, actuals with evidence, revisions, prototype reviews, provider
 * proposals, contract reviews; the dashboard's judgement of a KPI ({@link KpiJudgement}). Records and the shared rules.
 */
package org.goldenthread.kernel.contract;
