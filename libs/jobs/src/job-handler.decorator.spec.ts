import 'reflect-metadata';
import { JobName, JobStatus, type JobDataOf } from './job-catalogue.js';
import { JOB_HANDLER_METADATA, OnJob, type JobContext } from './job-handler.decorator.js';

/**
 * The worker calls every handler as `handler(data, context)`. These handlers are checked by the
 * type-checker (`npx tsc --noEmit`): each `@ts-expect-error` fails the build if the line compiles,
 * so a `(data, now = new Date())` handler, the defect that broke the digests, cannot come back.
 */
class Handlers {
  @OnJob(JobName.NotificationDigests)
  async withContext(_data: JobDataOf<JobName.NotificationDigests>, context: JobContext): Promise<JobStatus> {
    return context.attempt > 0 ? JobStatus.Success : JobStatus.Skipped;
  }

  @OnJob(JobName.SendNotificationEmail)
  async dataOnly(data: JobDataOf<JobName.SendNotificationEmail>): Promise<JobStatus> {
    return data.notificationIds.length > 0 ? JobStatus.Success : JobStatus.Skipped;
  }

  @OnJob(JobName.NotificationDispatch)
  async nothing(): Promise<JobStatus> {
    return JobStatus.Skipped;
  }

  // @ts-expect-error the second argument is the JobContext, never a Date
  @OnJob(JobName.DeadlineReminders)
  async withNow(_data: JobDataOf<JobName.DeadlineReminders>, now = new Date()): Promise<JobStatus> {
    return now.getTime() > 0 ? JobStatus.Success : JobStatus.Skipped;
  }

  // @ts-expect-error a parameter that also accepts something else is refused too
  @OnJob(JobName.ProfileMatchesBatch)
  async loose(_data: JobDataOf<JobName.ProfileMatchesBatch>, now?: Date | JobContext): Promise<JobStatus> {
    return now ? JobStatus.Success : JobStatus.Skipped;
  }

  // @ts-expect-error a third parameter is never passed
  @OnJob(JobName.ChallengeDeadlineSweep)
  async extra(_data: JobDataOf<JobName.ChallengeDeadlineSweep>, context: JobContext, now = new Date()): Promise<JobStatus> {
    return context && now ? JobStatus.Success : JobStatus.Skipped;
  }

  // @ts-expect-error the payload type is the job's own
  @OnJob(JobName.MunicipalYearlyReminder)
  async wrongPayload(data: JobDataOf<JobName.SendNotificationEmail>): Promise<JobStatus> {
    return data.notificationIds.length > 0 ? JobStatus.Success : JobStatus.Skipped;
  }
}

describe('@OnJob', () => {
  it('marks each method with its job name for the worker to discover', () => {
    const metadata = (method: keyof Handlers) => Reflect.getMetadata(JOB_HANDLER_METADATA, Handlers.prototype[method]) as unknown;
    expect(metadata('withContext')).toBe(JobName.NotificationDigests);
    expect(metadata('dataOnly')).toBe(JobName.SendNotificationEmail);
    expect(metadata('nothing')).toBe(JobName.NotificationDispatch);
    expect(metadata('withNow')).toBe(JobName.DeadlineReminders);
  });
});
