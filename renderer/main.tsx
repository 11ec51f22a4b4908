import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { adoptTokenFromUrl } from './api/client';
import { App } from './app/App';
import { DataVersionProvider } from './app/data-version';
import { applyTheme, loadThemeChoice } from './app/theme';
import './styles/base.css';
import './styles/app.css';
import './styles/reader.css';
import './styles/chronology.css';
import './styles/review.css';
import './styles/annotations.css';
import './styles/timeline.css';

adoptTokenFromUrl();
// Before the first paint, so a dark reader never flashes white.
applyTheme(loadThemeChoice());

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <DataVersionProvider>
      <App />
    </DataVersionProvider>
  </StrictMode>,
);
