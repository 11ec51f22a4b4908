import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { adoptTokenFromUrl } from './api/client';
import { App } from './app/App';
import { DataVersionProvider } from './app/data-version';
import './styles/base.css';
import './styles/app.css';
import './styles/reader.css';
import './styles/chronology.css';
import './styles/review.css';

adoptTokenFromUrl();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <DataVersionProvider>
      <App />
    </DataVersionProvider>
  </StrictMode>,
);
