// Calls the server's JSON API; errors carry the server's stable code and message.

/** An error answered by the API. */
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** Sends a request to the API and resolves to its JSON answer, or throws an ApiError. */
export async function api(path, { method = 'GET', body } = {}) {
  const init = { method, headers: { accept: 'application/json' }, credentials: 'same-origin' };
  if (body !== undefined) {
    init.headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body);
  }

  let response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiError(0, 'server_unreachable', 'The app server does not answer. Is it running?');
  }
  const data = await response.json().catch(() => ({}));
  if (response.status === 401 && location.pathname !== '/login.html') {
    location.href = '/login.html';
  }
  if (!response.ok) {
    const error = data.error ?? {};
    throw new ApiError(
      response.status,
      error.code ?? 'http_error',
      error.message ?? response.statusText,
    );
  }

  return data;
}
