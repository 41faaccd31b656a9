// alert_channels, alerts and missed_grace: which Cloud Monitoring alerting the workload gets.
import type { Reader } from './reader.js';
import { quote } from './lists.js';
import type { AlertConfig, AlertCondition } from './types.js';

const HOUR = 3600;
const CHANNEL_NAME = /^projects\/[a-z0-9][a-z0-9.:-]*\/notificationChannels\/[0-9]+$/;
const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;
const CONDITIONS: readonly AlertCondition[] = ['failure', 'missed'];

/**
 * The alerting asked for, or undefined when the three inputs are empty (no alerting is touched).
 * An empty alert_channels with a policy in place keeps that policy's channels (the planner's part).
 */
export function readAlerts(r: Reader): AlertConfig | undefined {
  const channels = readChannels(r);
  const conditions = readConditions(r);
  const missedGraceSeconds = r.duration('missed_grace', 0, 12 * HOUR);
  if (channels.names.length + channels.emails.length === 0 && conditions === undefined && missedGraceSeconds === undefined) return undefined;
  if (conditions === 'none' && channels.names.length + channels.emails.length > 0) {
    r.fail('alerts', 'none removes the alert policies, and alert_channels is set: remove alert_channels, or use failure,missed, failure or missed.');
  }
  return { channels, conditions: conditions ?? [...CONDITIONS], explicit: conditions !== undefined, missedGraceSeconds };
}

function readChannels(r: Reader): AlertConfig['channels'] {
  const out: AlertConfig['channels'] = { names: [], emails: [] };
  for (const item of (r.text('alert_channels') ?? '').split(/[\n,]/).map((s) => s.trim()).filter(Boolean)) {
    const email = /^email:(.*)$/i.exec(item)?.[1]?.trim().toLowerCase();
    if (email !== undefined && EMAIL.test(email)) {
      if (!out.emails.includes(email)) out.emails.push(email);
    } else if (CHANNEL_NAME.test(item)) {
      if (!out.names.includes(item)) out.names.push(item);
    } else {
      r.fail('alert_channels', `${quote(item)} is not allowed: use Cloud Monitoring notification channel names (projects/PROJECT/notificationChannels/ID) or email:ADDRESS, one a line or comma-separated.`);
    }
  }
  return out;
}

function readConditions(r: Reader): AlertCondition[] | 'none' | undefined {
  const value = r.text('alerts')?.toLowerCase();
  if (value === undefined) return undefined;
  if (value === 'none') return 'none';
  const parts = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (parts.length === 0 || parts.some((p) => !CONDITIONS.includes(p as AlertCondition))) {
    return r.notAllowed('alerts', 'use failure,missed, failure, missed or none');
  }
  return CONDITIONS.filter((c) => parts.includes(c));
}
