import * as core from '@actions/core';
export async function run(): Promise<void> {
  const { v2 } = await import('@google-cloud/run');
  core.info(`hello ${typeof v2.JobsClient}`);
}
