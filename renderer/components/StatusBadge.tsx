import type { ItemStatus } from '../../shared/contract';
import { statusLabels } from '../lib/labels';

export function StatusBadge({ status }: { status: ItemStatus }) {
  return <span className={`status-badge status-${status}`}>{statusLabels[status]}</span>;
}
