package jp.koyomi.run;

import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import jp.koyomi.campaign.CampaignScheduler;
import jp.koyomi.campaign.CampaignService;

/** Executes due runs one after another: PENDING ones, and RUNNING ones whose instance lost its lease. */
@ApplicationScoped
public class RunWorker {

    private static final Logger LOG = Logger.getLogger(RunWorker.class);

    @Inject
    RunExecutor executor;

    @Inject
    CampaignPipelines pipelines;

    @Inject
    Clock clock;

    @Inject
    CampaignService campaigns;

    @Scheduled(every = "${koyomi.runs.poll:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = CampaignScheduler.Disabled.class)
    void work() {
        for (Optional<RunExecutor.ClaimedRun> run = executor.claimNext(); run.isPresent(); run = executor.claimNext()) {
            execute(run.get());
        }
    }

    /** Builds the run's pipeline and runs it; a campaign that cannot be compiled fails its run with the reason. */
    public void execute(RunExecutor.ClaimedRun run) {
        RunPipeline pipeline;
        try {
            Optional<String> refused = campaigns.whyNotSendable(run.campaignId(), run.revision());
            if (refused.isPresent()) {
                throw new IllegalStateException(refused.get());
            }
            pipeline = pipelines.forCampaign(run.campaignId(), clock.instant());
        } catch (RuntimeException e) {
            LOG.errorf("Run %d cannot start: %s", run.id(), e.getMessage());
            executor.markFailed(run.id(), e);
            return;
        }
        executor.execute(run, pipeline);
    }
}
