// A plan: what the run would write (or wrote), resource by resource. Made by the pure
// planner from the desired state and what exists; printed, output as JSON, and applied.

export type ResourceType = 'run-job' | 'run-service' | 'iam-binding' | 'scheduler-job';
export type ChangeAction = 'create' | 'update' | 'unchanged';

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
}

export type Plan = Change[];
