import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'zmp-ui/zaui.css';
import './styles.css';
import { AppShell } from './app';

const container = document.getElementById('app');
if (!container) throw new Error('index.html must contain <div id="app">');

createRoot(container).render(
  <StrictMode>
    <AppShell />
  </StrictMode>,
);
