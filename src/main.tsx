import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { config as configureZod } from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { App } from '@/app/app';
import './index.css';

// zod/mini (a third of the size of zod) ships no messages; a malformed call row says in English
// what is wrong with it.
configureZod(en());

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element.');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
