// The learner's own text on paper: a field left empty, a one-line field, a long field in
// paragraphs and bulleted lists.
import type { ReactNode } from 'react';

/** A long field this short or shorter is kept on one page (pp-entry-keep) rather than split. */
const SHORT_FIELD_CHARS = 700;

export function Empty() {
  return (
    <span className="pp-field-empty" title="Left empty">
      —
    </span>
  );
}

export function FieldText({ value }: { value: string }) {
  return value.trim() ? <>{value.trim()}</> : <Empty />;
}

export function LongField({ label, value }: { label: string; value: string }) {
  const text = value.trim();
  return (
    <section className={text.length <= SHORT_FIELD_CHARS ? 'pp-entry-field pp-entry-keep' : 'pp-entry-field'}>
      <h3 className="print-h3">{label}</h3>
      {text ? (
        <RichText text={text} />
      ) : (
        <p className="pp-field-body">
          <Empty />
        </p>
      )}
    </section>
  );
}

/** Paragraphs split on blank lines; lines starting with "-", "*" or "•" become a bulleted list. */
function RichText({ text }: { text: string }) {
  const blocks = text.split(/\n\s*\n/).map((b) => b.split('\n').filter((line) => line.trim() !== ''));
  const out: ReactNode[] = [];
  blocks.forEach((lines, b) => {
    let bullets: string[] = [];
    let para: string[] = [];
    const flush = (key: string) => {
      if (para.length)
        out.push(
          <p key={`p${key}`} className="pp-field-body">
            {para.join('\n')}
          </p>,
        );
      if (bullets.length)
        out.push(
          <ul key={`u${key}`} className="pp-field-list">
            {bullets.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>,
        );
      para = [];
      bullets = [];
    };
    lines.forEach((line, i) => {
      const bullet = /^\s*(?:[-*•]|\d+[.)])\s+(.*)$/.exec(line);
      if (bullet) {
        if (para.length) flush(`${b}-${i}`);
        bullets.push(bullet[1]!);
      } else {
        if (bullets.length) flush(`${b}-${i}`);
        para.push(line.trim());
      }
    });
    flush(`${b}-end`);
  });
  return <>{out}</>;
}
