// The Cloud Run and Cloud Scheduler clients in REST mode (HTTP/1.1 + JSON), pointed at
// their endpoints. Loading google-gax is the largest start-up cost, so main starts
// loadGoogleModules() first thing and it runs while the auth round trips are in flight.
import type { AuthClient } from 'google-auth-library';
import { endpointFor } from './endpoints.js';

type RunModule = typeof import('@google-cloud/run');
type SchedulerModule = typeof import('@google-cloud/scheduler');

export interface GoogleModules {
  run: RunModule;
  scheduler: SchedulerModule;
}

export function loadGoogleModules(): Promise<GoogleModules> {
  return Promise.all([import('@google-cloud/run'), import('@google-cloud/scheduler')]).then(([run, scheduler]) => ({
    run,
    scheduler,
  }));
}

export interface GoogleClients {
  jobs: InstanceType<RunModule['v2']['JobsClient']>;
  executions: InstanceType<RunModule['v2']['ExecutionsClient']>;
  services: InstanceType<RunModule['v2']['ServicesClient']>;
  scheduler: InstanceType<SchedulerModule['v1']['CloudSchedulerClient']>;
}

export function makeClients(modules: GoogleModules, authClient: AuthClient, env: NodeJS.ProcessEnv = process.env): GoogleClients {
  const run = { ...endpointFor('run', env).clientOptions, fallback: true, authClient } as const;
  const scheduler = { ...endpointFor('cloudscheduler', env).clientOptions, fallback: true, authClient } as const;
  const { v2 } = modules.run;
  return {
    jobs: new v2.JobsClient(run),
    executions: new v2.ExecutionsClient(run),
    services: new v2.ServicesClient(run),
    scheduler: new modules.scheduler.v1.CloudSchedulerClient(scheduler),
  };
}
