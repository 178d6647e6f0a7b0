// The login page: trades the access token for a session cookie, then opens the app.
import { api } from './api.js';

const form = document.getElementById('login');
const error = document.getElementById('error');

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  error.hidden = true;
  try {
    await api('/api/login', {
      method: 'POST',
      body: { token: document.getElementById('token').value },
    });
    location.href = '/';
  } catch (failure) {
    error.textContent =
      failure.code === 'unauthorized' ? 'That is not the access token.' : failure.message;
    error.hidden = false;
  }
});
