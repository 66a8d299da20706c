package jp.koyomi.relevance;

/** A style one item rule may offer, with the part of its score that is the same for every customer. */
record Candidate(StockedStyle item, ItemSource source, int baseScore) {
}
