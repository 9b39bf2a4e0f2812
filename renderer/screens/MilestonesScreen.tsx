// The four checklists from the curriculum. Where the logbook decides an entry, it ticks itself and
// says why; the rest the learner ticks by hand.
import { useStateFrom } from '../lib/useStateFrom';
import type { Milestones } from '../../shared/schemas/milestones';
import { Loaded } from '../components/Loaded';
import { useMutation, useQuery } from '../lib/data';

export function MilestonesScreen() {
  const milestones = useQuery('milestones.get', {});
  return (
    <div className="screen">
      <header className="screen-header">
        <h1 tabIndex={-1}>Milestones</h1>
        <p className="screen-lede">
          Entries marked “from your logbook” tick themselves when your data proves them; tick the others yourself.
        </p>
      </header>
      <Loaded query={milestones}>
        {(data) => (
          <div className="milestone-grid">
            {data.checklists.map((list) => (
              <Checklist key={list.id} list={list} />
            ))}
          </div>
        )}
      </Loaded>
    </div>
  );
}

function Checklist({ list }: { list: Milestones['checklists'][number] }) {
  const mutate = useMutation();
  const [ticked, setTicked] = useStateFrom(list, (saved) => new Map(saved.entries.map((e) => [e.id, e.ticked])));
  const done = list.entries.filter((e) => (e.rule ? e.rule.met : ticked.get(e.id))).length;
  return (
    <section className="card milestone-list" aria-labelledby={`ms-${list.id}`} data-testid={`milestones-${list.id}`}>
      <h2 id={`ms-${list.id}`}>
        {list.title}
        <span className="count">
          {done}/{list.entries.length}
        </span>
      </h2>
      <div className="meter-track" aria-hidden="true">
        <div className="meter-fill" style={{ width: `${(done / list.entries.length) * 100}%` }} />
      </div>
      <ul className="milestone-entries">
        {list.entries.map((entry) =>
          entry.rule ? (
            <li key={entry.id} className={`milestone auto${entry.rule.met ? ' met' : ''}`}>
              <span className="milestone-mark" aria-hidden="true">
                {entry.rule.met ? '✓' : '○'}
              </span>
              <span className="milestone-text">
                <span>
                  {entry.text} <span className="tag">from your logbook</span>
                </span>
                <span className="milestone-reason">
                  <span className="visually-hidden">{entry.rule.met ? 'Done: ' : 'Not yet: '}</span>
                  {entry.rule.reason}
                </span>
              </span>
            </li>
          ) : (
            <li key={entry.id} className="milestone">
              <label className="check">
                <input
                  type="checkbox"
                  checked={ticked.get(entry.id) ?? false}
                  onChange={(e) => {
                    const on = e.target.checked;
                    setTicked((m) => new Map(m).set(entry.id, on));
                    void mutate('milestones.tick', { entryId: entry.id, ticked: on });
                  }}
                />
                <span>{entry.text}</span>
              </label>
            </li>
          ),
        )}
      </ul>
    </section>
  );
}
