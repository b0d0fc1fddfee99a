import { applyDecorators, type Type } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiProperty, getSchemaPath } from '@nestjs/swagger';

const pages = new Map<Type<unknown>, Type<unknown>>();

/**
 * The one list shape, `{ items, total }`, as a named schema (`<Item>Page`) for the OpenAPI document. One class per
 * item type, made once: two classes of one name would collide in the document's schemas.
 */
export function pageOf<T>(item: Type<T>): Type<{ items: T[]; total: number }> {
  const known = pages.get(item);
  if (known) return known as Type<{ items: T[]; total: number }>;
  class Page {
    @ApiProperty({ type: [item] }) items!: T[];
    @ApiProperty({ description: 'how many items there are in all' }) total!: number;
  }
  Object.defineProperty(Page, 'name', { value: `${item.name.replace(/Dto$|View$/, '')}Page` });
  pages.set(item, Page);
  return Page;
}

/**
 * A route that answers JSON, or CSV with `?format=csv`: both documented, the JSON by its schema, the CSV as text
 * (UTF-8 with a BOM, one header row).
 */
export function ApiJsonOrCsv(json: Type<unknown>, csvColumns: string) {
  return applyDecorators(
    ApiExtraModels(json),
    ApiOkResponse({
      description: `JSON by default; with ?format=csv a CSV sheet (UTF-8 with a BOM), columns: ${csvColumns}`,
      content: {
        'application/json': { schema: { $ref: getSchemaPath(json) } },
        'text/csv': { schema: { type: 'string', example: csvColumns } },
      },
    }),
  );
}
