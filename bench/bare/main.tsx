// The floor for dashboardPaint: React and one recharts chart with the Roadmap's 24 range bars,
// its data in the bundle (no calls, no app), built by the same Vite. `npm run bench` loads it the
// way it loads the app and compares the two.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Bar, BarChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';

// Estimate ranges like the curriculum's: every bar has a height (a zero-height bar is not drawn).
const rows = Array.from({ length: 24 }, (_, i) => {
  const min = 6 + (i % 5) * 2;
  return { key: `${Math.floor(i / 3) + 1}.${(i % 3) + 1}`, range: [min, min + 2 + (i % 4) * 3] };
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <figure data-testid="roadmap-chart">
      <ResponsiveContainer width="100%" height={330}>
        <BarChart data={rows}>
          <XAxis dataKey="key" interval={0} />
          <YAxis width={44} />
          <Bar dataKey="range" className="bar-range" />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  </StrictMode>,
);
