import type { Config } from '../config/types.js';
import type { Names } from '../plan/planner.js';

export function resourceNames(config: Config, projectId: string): Names {
  const collection = config.kind === 'job' ? 'jobs' : 'services';
  return {
    projectId,
    resource: `projects/${projectId}/locations/${config.region}/${collection}/${config.name}`,
    schedulerJob: config.schedule
      ? `projects/${projectId}/locations/${config.schedule.region}/jobs/${config.schedule.jobId}`
      : config.teardown
        ? `projects/${projectId}/locations/${config.teardown.schedulerRegion}/jobs/${config.teardown.schedulerJobId}`
        : undefined,
  };
}

/** The same name as the other kind: a job named x and a service named x. */
export function otherKindName(config: Config, projectId: string): string {
  const collection = config.kind === 'job' ? 'services' : 'jobs';
  return `projects/${projectId}/locations/${config.region}/${collection}/${config.name}`;
}
