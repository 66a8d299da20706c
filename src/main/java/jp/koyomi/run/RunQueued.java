package jp.koyomi.run;

/** A run became PENDING by a user's hand ("run now", resume): the workers start it without waiting for their next poll. */
record RunQueued(long runId) {
}
