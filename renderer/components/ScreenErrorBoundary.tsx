// When a screen cannot be shown (its code failed to load, or it threw while drawing), the learner
// sees what happened in plain words and a way on, inside the app's frame, instead of a blank
// window. The sidebar and the timer stay usable; the data is in the main process and untouched.
// App keys this boundary by screen, so going to another screen starts afresh.
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { hrefFor } from '../lib/router';

interface State {
  error: Error | null;
}

export class ScreenErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('A screen failed:', error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    // A screen whose code did not load stays unloaded until the page reloads (React keeps the failed import).
    const notLoaded = /dynamically imported module|Importing a module script failed|Failed to fetch/i.test(
      error.message,
    );
    return (
      <div className="screen screen-failure" role="alert">
        <h1 tabIndex={-1}>This screen could not be shown</h1>
        <p>
          {notLoaded ? 'Its part of the app did not load.' : 'Something went wrong while drawing it.'} Your study data
          is safe: nothing was changed.
        </p>
        <p className="muted screen-failure-detail">{error.message}</p>
        <div className="screen-failure-actions">
          <button type="button" className="button button-primary" onClick={() => window.location.reload()}>
            Reload the app
          </button>
          <a className="button" href={hrefFor({ screen: 'roadmap' })}>
            Go to the roadmap
          </a>
        </div>
      </div>
    );
  }
}
