import { Badge } from "@/components/ui/badge";
import type { ContentStatus, TaskStatus } from "@/lib/writer/constants";
import { CONTENT_STATUS_LABELS, CONTENT_STATUS_VARIANTS, TASK_STATUS_LABELS, TASK_STATUS_VARIANTS } from "./labels";

export function TaskStatusBadge({ status }: { status: TaskStatus }) {
  return <Badge variant={TASK_STATUS_VARIANTS[status]}>{TASK_STATUS_LABELS[status]}</Badge>;
}

export function ContentStatusBadge({ status }: { status: ContentStatus }) {
  return <Badge variant={CONTENT_STATUS_VARIANTS[status]}>{CONTENT_STATUS_LABELS[status]}</Badge>;
}
