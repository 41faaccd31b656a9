// The job summary: what exists now, what changed, when it runs next, how the smoke test
// went. Built once as a small document, then rendered as GitHub Markdown (the step summary)
// or as plain text (a terminal), so both always say the same thing.
import * as core from './runner.js';
import { describeCron, nextRuns } from '../config/cron.js';
import type { Kind } from '../config/types.js';
import type { Change, ChangeAction, ResourceType } from '../plan/types.js';
import { formatDuration } from '../config/duration.js';
import { formatElapsed, formatRunTime, formatTasks } from './format.js';
import { consoleUrl, executionUrlOf, parseResourceName, smokeLogsUrl } from './links.js';
import { existsAfterRun, formatPlan } from './plan-text.js';
import type { ExecutionStatus, RunReport } from './types.js';

// ---------------------------------------------------------------------------------------
// The document.

interface Span {
  text: string;
  href?: string;
  code?: boolean;
}
type Line = (string | Span)[];

type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'section'; title: string }
  | { kind: 'para'; line: Line }
  | { kind: 'list'; items: Line[] }
  | { kind: 'table'; head: string[]; rows: Line[][] }
  | { kind: 'code'; lang: string; text: string }
  | { kind: 'alert'; level: 'NOTE' | 'WARNING' | 'CAUTION'; lines: string[]; code?: string; list?: boolean };

const code = (text: string, href?: string): Span => ({ text, code: true, href });
const link = (text: string, href?: string): Span => ({ text, href });

// ---------------------------------------------------------------------------------------
// Content.

const KIND_LABEL: Record<Kind, string> = { job: 'Cloud Run job', service: 'Cloud Run service' };
const TYPE_LABEL: Record<ResourceType, string> = {
  'run-job': 'Cloud Run job',
  'run-service': 'Cloud Run service',
  'iam-binding': 'IAM binding',
  'scheduler-job': 'Scheduler job',
  'alert-policy': 'Alert policy',
  'notification-channel': 'Notification channel',
};
const DONE: Record<ChangeAction, string> = { create: 'created', update: 'updated', unchanged: 'unchanged', delete: 'deleted' };
const PLANNED: Record<ChangeAction, string> = { create: 'to create', update: 'to update', unchanged: 'unchanged', delete: 'to delete' };
const STATUS_ICON: Record<ExecutionStatus, string> = { succeeded: '✅', failed: '❌', running: '⏳', skipped: '⏭️' };
const MAX_FIELDS = 6;
const NEXT_RUNS = 3;

export type Outcome = 'succeeded' | 'failed' | 'dry-run';

export function outcomeOf(report: RunReport): Outcome {
  if (report.dryRun && report.error === undefined) return 'dry-run';
  return report.error !== undefined || report.smoke.status === 'failed' ? 'failed' : 'succeeded';
}

function headingText(report: RunReport): string {
  const subject = `${KIND_LABEL[report.config.kind]} ${report.config.name}`;
  switch (outcomeOf(report)) {
    case 'dry-run': {
      const n = report.plan.filter((c) => c.action !== 'unchanged').length;
      return `📝 Dry run: ${subject} — ${n === 0 ? 'no changes' : `${n} change${n === 1 ? '' : 's'} planned`}`;
    }
    case 'failed':
      if (report.drift?.length) return `❌ Drift: ${subject} differs from the inputs`;
      return `❌ ${subject}: ${report.error !== undefined ? 'the run failed' : 'the smoke test failed'}`;
    case 'succeeded':
      if (report.config.teardown) return `🗑️ ${subject} ${report.changed ? 'removed' : 'is already absent'}`;
      return `✅ ${subject} ${report.changed ? 'deployed' : 'is up to date'}${report.config.schedule ? ' and scheduled' : ''}`;
  }
}

function contextLine(report: RunReport): Line {
  const line: Line = ['Project ', code(report.projectId), ' · region ', code(report.config.region)];
  if (report.url) line.push(' · URL ', link(report.url, report.url));
  if (report.revision) line.push(' · revision ', code(report.revision));
  return line;
}

/** The role an IAM binding change is about, where the plan names it: the role granted first, the reason last
 * (a reason may name the role it replaces, e.g. 'roles/run.invoker does not include it'). */
function roleOf(c: Change): string | undefined {
  const texts = [c.subject, ...c.fields.flatMap((f) => [f.after, f.field]), ...c.fields.map((f) => f.before), c.reason];
  for (const t of texts) {
    const m = typeof t === 'string' ? /roles\/[A-Za-z.]+/.exec(t) : null;
    if (m) return m[0];
  }
  return undefined;
}

/** The resource of a change as the summary's table and the log name it, the same on every run. */
export function resourceLabel(c: Change): string {
  const role = c.type === 'iam-binding' ? roleOf(c) : undefined;
  return role ? `${TYPE_LABEL[c.type]} (${role})` : TYPE_LABEL[c.type];
}

const STARTING: Record<ChangeAction, string> = { create: 'creating', update: 'updating', unchanged: 'checking', delete: 'deleting' };

/** One log line for a change: 'Scheduler job nightly-schedule: creating', then '…: created'. */
export function changeLine(c: Change, starting: boolean): string {
  const name = parseResourceName(c.resource)?.id ?? c.resource;
  const what = starting ? STARTING[c.action] : (c.status ?? DONE[c.action]);
  const fields = starting && c.action === 'update' ? ` (${fieldNames(c)})` : '';
  return `${resourceLabel(c)} ${name}: ${what}${fields}`;
}

function fieldNames(c: Change): string {
  if (c.action !== 'update' || c.fields.length === 0) return '—';
  const names = c.fields.map((f) => f.field);
  const shown = names.slice(0, MAX_FIELDS).join(', ');
  return names.length > MAX_FIELDS ? `${shown} +${names.length - MAX_FIELDS} more` : shown;
}

function resourceTable(report: RunReport): Block {
  const verbs = report.dryRun ? PLANNED : DONE;
  const withNotes = report.plan.some((c) => c.reason);
  const rows = report.plan.map((c): Line[] => {
    const name = parseResourceName(c.resource)?.id ?? c.resource;
    const row: Line[] = [
      [resourceLabel(c)],
      [code(name, consoleUrl(c.type, c.resource))],
      [c.status ?? verbs[c.action]],
      [fieldNames(c)],
    ];
    if (withNotes) row.push([c.reason ?? '']);
    return row;
  });
  return { kind: 'table', head: ['Resource', 'Name', 'Change', 'Changed fields', ...(withNotes ? ['Notes'] : [])], rows };
}

function describeSafely(cron: string): string {
  try {
    return describeCron(cron);
  } catch {
    return 'unix-cron';
  }
}

function scheduleBlocks(report: RunReport, now: Date): Block[] {
  const s = report.config.schedule;
  if (report.config.teardown) return teardownScheduleBlocks(report);
  if (!s) return [{ kind: 'section', title: 'Schedule' }, { kind: 'para', line: ['None: deployed only; no Scheduler job was touched.'] }];
  const items: Line[] = [[code(s.cron), ` — ${describeSafely(s.cron)} (${s.timeZone})`]];
  const change = report.plan.find((c) => c.type === 'scheduler-job');
  if (change?.status === 'not reached' || change?.status === 'failed') {
    const what = change.action === 'create' ? 'created' : 'updated';
    const state = existsAfterRun(change) ? 'It keeps the settings it had before this run.' : 'It does not exist: nothing runs on this schedule.';
    items.push([`Not applied: the Scheduler job was ${change.status === 'failed' ? `not fully ${what}` : `not ${what}`}, since the run stopped. ${state}`]);
  } else if (s.paused) {
    items.push(['Paused: the Scheduler job does not fire until it is resumed.']);
  } else {
    const runs = nextRuns(s.cron, s.timeZone, NEXT_RUNS, now).map((d) => formatRunTime(d, s.timeZone));
    items.push([`Next runs: ${runs.join(' · ')}`]);
  }
  items.push(['Triggered by Scheduler job ', code(s.jobId), ' as ', code(s.invokerServiceAccount)]);
  return [{ kind: 'section', title: 'Schedule' }, { kind: 'list', items }];
}

/** state: absent: what became of the Scheduler job. */
function teardownScheduleBlocks(report: RunReport): Block[] {
  const id = parseResourceName(report.schedulerJob ?? '')?.id ?? report.schedulerJob ?? '';
  const change = report.plan.find((c) => c.type === 'scheduler-job');
  const what = !change
    ? ['No Scheduler job ', code(id), ' exists: nothing triggers the workload.']
    : ['Scheduler job ', code(id), `: ${change.status ?? (report.dryRun ? 'to delete' : 'deleted')}.`];
  return [{ kind: 'section', title: 'Schedule' }, { kind: 'para', line: what }];
}

function smokeBlocks(report: RunReport): Block[] {
  const smoke = report.smoke;
  const items: Line[] = [[`${STATUS_ICON[smoke.status]} ${smoke.status}${smoke.message ? ` — ${smoke.message}` : ''}`]];
  if (smoke.durationMs !== undefined) items.push([`Duration: ${formatElapsed(smoke.durationMs)}`]);
  const logs = smokeLogsUrl(smoke);
  if (smoke.execution) {
    const id = parseResourceName(smoke.execution)?.execution ?? smoke.execution;
    const line: Line = ['Execution: ', code(id, executionUrlOf(smoke.execution))];
    if (logs) line.push(' · ', link('logs', logs));
    items.push(line);
  } else if (logs) {
    items.push([link('Logs', logs)]);
  }
  // Said once: not again when the message already gives the task counts.
  if (smoke.tasks && !smoke.message.includes(formatTasks(smoke.tasks))) items.push([`Tasks: ${formatTasks(smoke.tasks)}`]);
  if (smoke.attemptStatus) {
    const a = smoke.attemptStatus;
    items.push([`Scheduler attempt: ${a.name}${a.message ? `: ${a.message}` : ''}`]);
  }
  return [{ kind: 'section', title: 'Smoke test' }, { kind: 'list', items }];
}

/** Each alert policy: what it watches, where it notifies, what the run did; then what cannot be watched. */
function alertingRows(report: RunReport, withWorkload: boolean): Line[][] {
  const verbs = report.dryRun ? PLANNED : DONE;
  return (report.alerting?.policies ?? []).map((p) => {
    const c = p.change;
    const real = /^projects\/[^/]+\/alertPolicies\/[0-9]+$/.test(c.resource);
    const channels = p.channels.map((ch) => ch.replace(/^projects\/[^/]+\/notificationChannels\//, 'channel '));
    return [
      ...(withWorkload ? [[code(report.config.name)]] : []),
      [real ? code(p.role, consoleUrl('alert-policy', c.resource)) : code(p.role)],
      [p.conditions.join(', ') || '—'],
      [channels.join(', ') || '—'],
      [c.status ?? verbs[c.action]],
    ];
  });
}

function alertingNotes(report: RunReport, prefix = ''): Line[] {
  const a = report.alerting;
  if (!a) return [];
  return [
    ...(a.missedWindowSeconds !== undefined ? [[`${prefix}Missed run: no successful run within ${formatDuration(a.missedWindowSeconds)} (the longest gap of the schedule plus missed_grace) opens an incident.`]] : []),
    ...a.notes.map((n): Line => [`${prefix}${n.charAt(0).toUpperCase()}${n.slice(1)}.`]),
  ];
}

function alertingBlocks(report: RunReport): Block[] {
  if (!report.alerting) return [];
  const rows = alertingRows(report, false);
  const notes = alertingNotes(report);
  return [
    { kind: 'section', title: 'Alerting' },
    ...(rows.length ? [{ kind: 'table' as const, head: ['Policy', 'Watches', 'Channels', 'Status'], rows }] : []),
    ...(notes.length || !rows.length ? [{ kind: 'list' as const, items: notes.length ? notes : [['No alert policy.']] }] : []),
  ];
}

function timingsLine(phases: Record<string, number>): Line | undefined {
  const entries = Object.entries(phases);
  if (entries.length === 0) return undefined;
  return [`Timings: ${entries.map(([name, ms]) => `${name} ${formatElapsed(ms)}`).join(' · ')}`];
}

/** The summary as a document, for either renderer. */
function buildSummary(report: RunReport, now: Date): Block[] {
  const blocks: Block[] = [
    { kind: 'heading', text: headingText(report) },
    { kind: 'para', line: contextLine(report) },
  ];
  // Drift is listed in its own section below, not again as the error.
  if (report.error !== undefined && !report.drift?.length) blocks.push({ kind: 'alert', level: 'CAUTION', lines: ['The run stopped with this error:'], code: report.error });
  if (report.dryRun) blocks.push({ kind: 'alert', level: 'NOTE', lines: ['Dry run: nothing was written. The plan below is what a run would do.'] });
  const notices = report.config.notices;
  if (notices.length > 0) blocks.push({ kind: 'alert', level: 'NOTE', lines: notices, list: notices.length > 1 });
  if (report.warnings.length > 0) blocks.push({ kind: 'alert', level: 'WARNING', lines: report.warnings, list: report.warnings.length > 1 });
  if (report.plan.length > 0) blocks.push(resourceTable(report));
  if (report.drift) {
    const items: Line[] = report.drift.length ? report.drift.map((l) => [l]) : [['None: the live state matches the inputs.']];
    blocks.push({ kind: 'section', title: 'Drift' }, { kind: 'list', items });
  }
  blocks.push(...scheduleBlocks(report, now), ...alertingBlocks(report), ...smokeBlocks(report));
  if (report.dryRun) blocks.push({ kind: 'section', title: 'Plan' }, { kind: 'code', lang: 'diff', text: formatPlan(report.plan) });
  const timings = timingsLine(report.phases);
  if (timings) blocks.push({ kind: 'para', line: timings });
  return blocks;
}

// ---------------------------------------------------------------------------------------
// Markdown.

/**
 * Text as Markdown that renders as that same text: every character Markdown or HTML would act on
 * escaped, line breaks as spaces, and an @mention broken by a zero-width space (GitHub notifies
 * whoever a comment or summary mentions). The summary and the PR comment carry values, messages
 * and drift lines from inputs, manifests and the live state: none may format, link or notify.
 */
export function markdownText(text: string): string {
  return (
    text
      .replace(/\r\n|\r|\n/g, ' ')
      // What starts formatting, a link, an image, HTML, a table cell or strikethrough anywhere;
      // `_` only where it can (GitHub leaves intraword underscores alone: snake_case reads as is).
      .replace(/[\\`*[\]<>|~]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])|&(?=#?[A-Za-z0-9]+;)/g, (c) => `\\${c}`)
      // What starts a block at the start of a line: a heading, a list item, a quote.
      .replace(/^(\s*)([#+-]|\d+[.)])(?=\s|$)/, '$1\\$2')
      .replace(/(^|[^A-Za-z0-9_\\`])@(?=[A-Za-z0-9])/g, '$1@\u200b')
  );
}

/** Text inside a code span: a backtick would end it. */
const codeText = (text: string): string => text.replace(/\r\n|\r|\n/g, ' ').replace(/`/g, "'");

const mdSpan = (s: string | Span): string => {
  if (typeof s === 'string') return markdownText(s);
  const text = s.code ? `\`${codeText(s.text)}\`` : markdownText(s.text);
  return s.href ? `[${text}](${s.href.replace(/[()\s<>]/g, encodeURIComponent)})` : text;
};
const mdLine = (line: Line): string => line.map(mdSpan).join('');
const mdCell = (line: Line): string => mdLine(line).replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');

function mdBlock(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `## ${markdownText(b.text)}`;
    case 'section':
      return `### ${markdownText(b.title)}`;
    case 'para':
      return mdLine(b.line);
    case 'list':
      return b.items.map((i) => `- ${mdLine(i)}`).join('\n');
    case 'table':
      return [
        `| ${b.head.map(markdownText).join(' | ')} |`,
        `| ${b.head.map(() => '---').join(' | ')} |`,
        ...b.rows.map((r) => `| ${r.map(mdCell).join(' | ')} |`),
      ].join('\n');
    case 'code': {
      // A fence longer than any run of backticks in the text: nothing inside can close it.
      const longest = Math.max(0, ...(b.text.match(/`+/g) ?? []).map((run) => run.length));
      const fence = '`'.repeat(Math.max(3, longest + 1));
      return `${fence}${b.lang}\n${b.text}\n${fence}`;
    }
    case 'alert': {
      // A code block keeps the error's line breaks and its indented command intact.
      const lines = b.lines.map((l) => `${b.list ? '- ' : ''}${l.split(/\r\n|\r|\n/).map(markdownText).join(b.list ? '\n  ' : '\n')}`);
      const body = b.code === undefined ? lines : [...lines, mdBlock({ kind: 'code', lang: '', text: b.code })];
      return [`> [!${b.level}]`, ...body.join('\n').split('\n').map((l) => `> ${l}`)].join('\n');
    }
  }
}

/** GitHub-flavoured Markdown for GITHUB_STEP_SUMMARY. */
export function renderSummary(report: RunReport, now: Date = new Date()): string {
  return `${buildSummary(report, now).map(mdBlock).join('\n\n')}\n`;
}

// ---------------------------------------------------------------------------------------
// Plain text.

const textSpan = (s: string | Span): string => (typeof s === 'string' ? s : s.href && s.href !== s.text ? `${s.text} <${s.href}>` : s.text);
const textLine = (line: Line): string => line.map(textSpan).join('');
const plainCell = (line: Line): string => line.map((s) => (typeof s === 'string' ? s : s.text)).join('');

function textTable(b: Extract<Block, { kind: 'table' }>): string {
  const cells = [b.head, ...b.rows.map((r) => r.map(plainCell))];
  const widths = b.head.map((_, i) => Math.max(...cells.map((row) => [...(row[i] ?? '')].length)));
  const fmt = (row: string[]): string => row.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  // Links do not fit in columns: list them under the table, named by the row's first cell.
  const links = b.rows.flatMap((r) =>
    r.flat().flatMap((s) => (typeof s !== 'string' && s.href ? [`  ${plainCell(r[0] ?? [])} ${s.text}: ${s.href}`] : [])),
  );
  return [fmt(b.head), fmt(widths.map((w) => '-'.repeat(w))), ...cells.slice(1).map(fmt), ...links].join('\n');
}

function textBlock(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return b.text;
    case 'section':
      return `${b.title}\n${'-'.repeat(b.title.length)}`;
    case 'para':
      return textLine(b.line);
    case 'list':
      return b.items.map((i) => `  - ${textLine(i)}`).join('\n');
    case 'table':
      return textTable(b);
    case 'code':
      return b.text.replace(/^/gm, '    ');
    case 'alert': {
      const lines = b.list ? b.lines.map((l) => `- ${l}`) : b.lines;
      const body = b.code === undefined ? lines : [...lines, ...b.code.split('\n').map((l) => `  ${l}`)];
      return body.map((l, i) => (i === 0 ? `${b.level}: ${l}` : `  ${l}`)).join('\n');
    }
  }
}

/** The same summary as plain text for a terminal. */
export function renderSummaryText(report: RunReport, now: Date = new Date()): string {
  return `${buildSummary(report, now).map(textBlock).join('\n\n')}\n`;
}

// ---------------------------------------------------------------------------------------
// Fleet mode: one table of every workload, the deletions, and each failure.

export interface FleetEntry {
  name: string;
  kind: Kind;
  /** Absent when the workload stopped before it was planned (its failure says why). */
  report?: RunReport;
  failure?: string;
}

function fleetRow(e: FleetEntry, now: Date): Line[] {
  const r = e.report;
  const s = r?.config.schedule;
  const next = s ? nextRuns(s.cron, s.timeZone, 1, now).map((d) => formatRunTime(d, s.timeZone))[0] : undefined;
  const changes = r ? r.plan.filter((c) => c.action !== 'unchanged') : [];
  const verbs = r?.dryRun ? PLANNED : DONE;
  const what = changes.length === 0 ? (r ? 'no change' : '—') : changes.map((c) => `${TYPE_LABEL[c.type]} ${c.status ?? verbs[c.action]}`).join(', ');
  const type = e.kind === 'job' ? 'run-job' : 'run-service';
  const outcome = e.failure ? `❌ ${e.failure.split('\n')[0]}` : r ? `${STATUS_ICON[r.smoke.status]} ${r.smoke.status}` : '—';
  const logs = r ? smokeLogsUrl(r.smoke) : undefined;
  return [
    [code(e.name, r ? consoleUrl(type, r.resource) : undefined)],
    [e.kind],
    [r?.resource ?? ''],
    s
      ? [
          code(s.jobId, r?.schedulerJob ? consoleUrl('scheduler-job', r.schedulerJob) : undefined),
          ` ${s.cron}${next ? ` (next ${next})` : ''}`,
          ...(r?.config.moreSchedules ?? []).map((m) => `, ${m.jobId} ${m.cron}`),
        ]
      : ['—'],
    [what],
    [outcome],
    logs ? [link('logs', logs)] : [''],
  ];
}

/** Deletions a run did not make, and what prune left alone. */
export interface FleetDeletionNotes {
  /** Why prune and every teardown were skipped (or would be, in a dry run). */
  skipped?: string;
  /** What prune left alone, and why. */
  leftAlone?: string[];
}

function buildFleetSummary(fleet: string, dryRun: boolean, entries: readonly FleetEntry[], deletions: readonly Change[], now: Date, notes: FleetDeletionNotes): Block[] {
  const failed = entries.filter((e) => e.failure);
  const failedDeletes = deletions.filter((c) => c.status === 'failed');
  const icon = failed.length || failedDeletes.length ? '❌' : dryRun ? '📝' : '✅';
  const changed = entries.filter((e) => e.report?.plan.some((c) => (dryRun ? c.action !== 'unchanged' : c.written))).length;
  const blocks: Block[] = [
    { kind: 'heading', text: `${icon} cloud-run-cron fleet ${fleet}: ${entries.length} workload${entries.length === 1 ? '' : 's'}, ${changed} ${dryRun ? 'to change (dry run)' : 'changed'}${failed.length ? `, ${failed.length} failed` : ''}` },
    {
      kind: 'table',
      head: ['Workload', 'Kind', 'Resource', 'Schedule', dryRun ? 'Planned' : 'Changed', 'Smoke test', 'Links'],
      rows: entries.map((e) => fleetRow(e, now)),
    },
  ];
  const alerted = entries.flatMap((e) => (e.report?.alerting ? [e.report] : []));
  if (alerted.length > 0) {
    const rows = alerted.flatMap((r) => alertingRows(r, true));
    const notes = alerted.flatMap((r) => alertingNotes(r, `${r.config.name}: `));
    blocks.push({ kind: 'section', title: 'Alerting' });
    if (rows.length) blocks.push({ kind: 'table', head: ['Workload', 'Policy', 'Watches', 'Channels', 'Status'], rows });
    if (notes.length) blocks.push({ kind: 'list', items: notes });
  }
  if (deletions.length > 0) {
    const verbs = dryRun ? PLANNED : DONE;
    blocks.push({ kind: 'section', title: notes.skipped ? 'Not pruned: skipped (no longer in the manifest)' : 'Pruned (no longer in the manifest)' });
    blocks.push({
      kind: 'table',
      head: ['Resource', 'Name', 'Status'],
      rows: deletions.map((c) => [[TYPE_LABEL[c.type]], [code(c.resource)], [c.status ?? verbs[c.action]]]),
    });
  }
  if (notes.skipped) {
    blocks.push({ kind: 'section', title: dryRun ? 'Deletions that would be skipped' : 'Deletions skipped' });
    blocks.push({ kind: 'code', lang: '', text: notes.skipped });
  }
  if (notes.leftAlone?.length) {
    blocks.push({ kind: 'section', title: 'Left alone (not this fleet\'s to delete)' });
    blocks.push({ kind: 'code', lang: '', text: notes.leftAlone.join('\n') });
  }
  if (failed.length > 0 || failedDeletes.length > 0) {
    blocks.push({ kind: 'section', title: 'Failures' });
    blocks.push({ kind: 'code', lang: '', text: [...failed.map((e) => `${e.name}: ${e.failure}`), ...failedDeletes.map((c) => `${c.resource}: not deleted`)].join('\n\n') });
  }
  return blocks;
}

/** The fleet's job summary (Markdown) and the same as plain text for a terminal. */
export function renderFleetSummary(
  fleet: string,
  dryRun: boolean,
  entries: readonly FleetEntry[],
  deletions: readonly Change[],
  now: Date = new Date(),
  notes: FleetDeletionNotes = {},
): { markdown: string; text: string } {
  const blocks = buildFleetSummary(fleet, dryRun, entries, deletions, now, notes);
  return { markdown: `${blocks.map(mdBlock).join('\n\n')}\n`, text: `${blocks.map(textBlock).join('\n\n')}\n` };
}

// ---------------------------------------------------------------------------------------
// Writing.

/**
 * Appends `markdown` to the job summary (@actions/core's summary, GITHUB_STEP_SUMMARY). Outside
 * Actions (no GITHUB_STEP_SUMMARY) it does nothing; a failed write is a warning, never the step's failure.
 */
export async function writeSummary(markdown: string): Promise<boolean> {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (!file) {
    core.debug('GITHUB_STEP_SUMMARY is not set: no job summary written');
    return false;
  }
  try {
    await core.appendSummary(markdown);
    return true;
  } catch (e) {
    core.warning(`Could not write the job summary to ${file}: ${(e as Error).message}`);
    return false;
  }
}
