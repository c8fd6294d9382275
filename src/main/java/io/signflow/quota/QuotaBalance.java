package io.signflow.quota;

/** An organization's contract quota: bought in total, used by contracts, and what is left. */
record QuotaBalance(long total, long used) {

    public long available() {
        return total - used;
    }
}
