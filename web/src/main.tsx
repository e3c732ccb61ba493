// Entry point: loads the deployment's settings and the saved session, then renders the app.
import { render } from 'preact';
import { App } from './app.js';
import { restoreSession } from './session.js';
import './styles.css';

await restoreSession();
const root = document.getElementById('app');
if (root) {
  root.replaceChildren();
  render(<App />, root);
}
