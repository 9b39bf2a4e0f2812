import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { subscribeToCommands } from './lib/commands';
import './styles.css';

// The desktop app's menu, tray and shortcuts reach the page through this (nothing in the preview).
subscribeToCommands();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
