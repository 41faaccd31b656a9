// A plan: what the run would write (or wrote), resource by resource. Made by the pure
// planner from the desired state and what exists; printed, output as JSON, and applied.

export type ResourceType = 'run-job' | 'run-service' | 'iam-binding' | 'scheduler-job' | 'alert-policy' | 'notification-channel';
export type ChangeAction = 'create' | 'update' | 'unchanged' | 'delete';
/** What a run did with a change (set by apply; absent in a plan that was not applied). */
export type ChangeStatus = 'created' | 'updated' | 'unchanged' | 'deleted' | 'not reached' | 'failed';

export interface FieldChange {
  /** Dotted path of the field as the user thinks of it, e.g. 'image', 'env.FOO', 'schedule'. */
  field: string;
  before?: unknown;
  after?: unknown;
}

export interface Change {
  type: ResourceType;
  /** Full resource name; for an IAM binding the resource the policy is on. */
  resource: string;
  action: ChangeAction;
  fields: FieldChange[];
  /** Why, when it is not obvious (a tag redeploy, a re-pointed trigger, the role chosen). */
  reason?: string;
  /** What on the resource the change is about, the same on every run (an IAM binding: its role). */
  subject?: string;
  /** After apply: what was done; `failed` may follow a write that went through (`written`). */
  status?: ChangeStatus;
  /** After apply: a write to this resource went through (it exists, or was changed, even if it then failed). */
  written?: boolean;
}

export type Plan = Change[];
