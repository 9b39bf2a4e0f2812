import type { ItemStatus } from '../../shared/schemas/items';
import { statusLabels } from '../lib/labels';

export function StatusBadge({ status }: { status: ItemStatus }) {
  return <span className={`status-badge status-${status}`}>{statusLabels[status]}</span>;
}
