import { catalog } from '../../catalog/catalog.ts';
import { defaultFrequency, frequencies } from '../../scheduler/frequency.ts';
import { jsonResponse } from '../http-json.ts';
import type { RouteHandler } from '../web-route.ts';

/** `GET /api/catalog`: the tables a store offers, with descriptions, methods and frequencies. */
export const getCatalog: RouteHandler = async () =>
  jsonResponse({
    tables: catalog.map((spec) => ({
      name: spec.name,
      description: spec.description,
      syncMethods: spec.syncMethods,
      childTables: spec.children.map((child) => child.name),
    })),
    frequencies,
    defaultFrequency,
  });
