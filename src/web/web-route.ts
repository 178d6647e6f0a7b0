import type { WebContext } from './web-context.ts';

/** Answers one matched API request; `params` holds the path's named parts, decoded. */
export type RouteHandler = (
  request: Request,
  params: Readonly<Record<string, string>>,
  context: WebContext,
) => Promise<Response>;

/** One API endpoint: a method and a path pattern with named groups. */
export interface WebRoute {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: RegExp;
  handler: RouteHandler;
}

/** Finds the route for a method and path: the route, `method_mismatch`, or undefined. */
export function matchRoute(
  routes: readonly WebRoute[],
  method: string,
  pathname: string,
): { route: WebRoute; params: Record<string, string> } | 'method_mismatch' | undefined {
  let pathMatched = false;
  for (const route of routes) {
    const match = route.path.exec(pathname);
    if (!match) continue;

    pathMatched = true;
    if (route.method !== method) continue;

    const params: Record<string, string> = {};
    for (const [name, value] of Object.entries(match.groups ?? {})) {
      params[name] = decodeURIComponent(value);
    }

    return { route, params };
  }

  return pathMatched ? 'method_mismatch' : undefined;
}
