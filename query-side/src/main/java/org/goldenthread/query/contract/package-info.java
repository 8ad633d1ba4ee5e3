/**
 * The Do stage's read side: contracts with every act on them ({@code ContractStore}, {@code ContractProjection}) and
 * the KPI dashboard assembled from them as of any instant ({@code DashboardAssembly}, judged by the kernel's
 * {@link org.goldenthread.kernel.contract.KpiJudgement}). May use the kernel and readstore.
 */
package org.goldenthread.query.contract;
