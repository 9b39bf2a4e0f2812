// The document: cover, roadmap, one section per printed entry (or a note that there is none), milestones.
import { entriesToPrint } from '../../shared/portfolio';
import { itemById, type Curriculum } from '../../shared/curriculum';
import type { PaperSize } from '../../shared/schemas/portfolio';
import { Cover } from './Cover';
import { EntrySection } from './EntrySection';
import { MilestonesSection } from './MilestonesSection';
import { RoadmapSection } from './RoadmapSection';
import type { PrintData } from './usePrintData';

export function PortfolioDocument({
  data,
  curriculum,
  paper,
}: {
  data: PrintData;
  curriculum: Curriculum;
  paper: PaperSize;
}) {
  const { printed: included, stillToCome } = entriesToPrint(data.entries);
  const itemOf = (id: string) => itemById(curriculum.items, id)!;
  return (
    <main className={`print-doc print-paper-${paper}`} data-paper={paper}>
      <Cover data={data} curriculum={curriculum} included={included} stillToCome={stillToCome} />
      <RoadmapSection data={data} curriculum={curriculum} />
      {included.length === 0 ? (
        <section className="print-section print-page-start">
          <h2 className="print-h2">Portfolio entries</h2>
          <p className="print-muted">
            No entries are included yet. Choose the projects to show on the Portfolio screen.
          </p>
        </section>
      ) : (
        included.map((entry, index) => (
          <EntrySection
            key={entry.itemId}
            entry={entry}
            item={itemOf(entry.itemId)}
            curriculum={curriculum}
            number={index + 1}
          />
        ))
      )}
      <MilestonesSection milestones={data.milestones} />
    </main>
  );
}
