import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { connectBridge } from './bridge';
import { prepareAudio } from './feedback-sound';
import './base.css';
import './checkout.css';
import './settings.css';

const root = document.getElementById('root');
if (!root) throw new Error('Counter: index.html has no #root element.');

prepareAudio();
createRoot(root).render(
  <StrictMode>
    <App bridge={connectBridge()} />
  </StrictMode>,
);
