import { LightspeedSyncError } from '../../errors/lightspeed-sync-error.ts';
import { sessionCookie } from '../access-guard.ts';
import { jsonResponse, readJsonObject, stringField } from '../http-json.ts';
import type { RouteHandler } from '../web-route.ts';

/** `GET /api/session`: whether an access token is needed and whether this browser has it. */
export const getSession: RouteHandler = async (request, _params, context) =>
  jsonResponse({
    required: context.guard.required,
    authorized: context.guard.isAuthorized(request),
  });

/** `POST /api/login {token}`: trades the access token for a session cookie. */
export const login: RouteHandler = async (request, _params, context) => {
  const token = stringField(await readJsonObject(request), 'token') ?? '';
  if (!token) throw new LightspeedSyncError('unauthorized', 'Enter the access token.');

  const session = context.guard.login(token);
  const cookie = `${sessionCookie}=${session}; Path=/; HttpOnly; SameSite=Strict`;

  return jsonResponse({ authorized: true }, 200, { 'set-cookie': cookie });
};
