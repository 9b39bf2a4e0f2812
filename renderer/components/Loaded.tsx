// A query's three states, said the same way on every screen: nothing while it loads (or what the
// caller shows then), its error in words, then what the caller draws from its data.
import type { ReactNode } from 'react';
import type { QueryState } from '../lib/data';

interface Props<T> {
  query: QueryState<T>;
  children: (data: T) => ReactNode;
  /** Shown while the query loads; nothing by default. */
  loading?: ReactNode;
  /** Where the error goes when not in a line of its own (the Roadmap says it in its heading). */
  error?: (message: string) => ReactNode;
  /** For a part beside a screen's main content: its error is shown but not announced. */
  quiet?: boolean;
}

export function Loaded<T>({ query, children, loading = null, error, quiet = false }: Props<T>) {
  if (query.status === 'loading') return loading;
  if (query.status === 'error')
    return error ? error(query.message) : <InlineError message={query.message} quiet={quiet} />;
  return children(query.data);
}

/** Why something could not be loaded, in the learner's words; announced unless `quiet`. */
export function InlineError({ message, quiet = false }: { message: string; quiet?: boolean }) {
  return (
    <p className="inline-error" role={quiet ? undefined : 'alert'}>
      {message}
    </p>
  );
}
