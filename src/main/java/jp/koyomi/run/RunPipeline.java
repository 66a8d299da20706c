package jp.koyomi.run;

/**
 * Decides for one customer of a run: relevance, channel choice, frequency cap, render. Built once
 * per run (catalog snapshot, compiled rules and templates) and called from the executor's thread.
 */
public interface RunPipeline {

    RunOutcome decide(AudienceMember member);
}
