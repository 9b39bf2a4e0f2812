import type { CurriculumItem } from '../../shared/curriculum';
import { itemLabel } from '../lib/labels';

/** The curriculum's items as the <option>s of an item picker: "Exercise 1.1: Your First ML Model". */
export function ItemOptions({ items }: { items: readonly CurriculumItem[] }) {
  return (
    <>
      {items.map((item) => (
        <option key={item.id} value={item.id}>
          {itemLabel(item)}: {item.title}
        </option>
      ))}
    </>
  );
}
