package org.goldenthread.kernel.contract;

/** DRAFT while the terms are written; AGREED once the provider agreed; ACTIVE once the commissioner activated it. */
public enum ContractStatus {
    DRAFT,
    AGREED,
    ACTIVE
}
