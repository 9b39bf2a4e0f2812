// Screens whose content arrives in later releases: they say what will be there.
export function LaterScreen({ title, what }: { title: string; what: string }) {
  return (
    <div className="screen">
      <header className="screen-header">
        <h1 tabIndex={-1}>{title}</h1>
      </header>
      <div className="empty-state">
        <p className="empty-state-title">Coming soon</p>
        <p>{what}</p>
      </div>
    </div>
  );
}
