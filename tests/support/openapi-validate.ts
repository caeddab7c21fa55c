// A small validator for the JSON-schema subset Atlassian's OpenAPI 3 extracts use: $ref (local),
// allOf / anyOf / oneOf, type, nullable, enum, properties, required, additionalProperties, items,
// minimum, pattern. Formats and examples are annotations here, as OpenAPI allows.

export type OpenApiDoc = { readonly paths: Record<string, Record<string, unknown>>; readonly components?: { readonly schemas?: Record<string, unknown> } };
type Schema = Readonly<Record<string, unknown>>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const resolveRef = (doc: OpenApiDoc, ref: string): Schema => {
  if (!ref.startsWith('#/')) throw new Error(`only local refs are supported: ${ref}`);
  let node: unknown = doc;
  for (const part of ref.slice(2).split('/')) node = isObject(node) ? node[part.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
  if (!isObject(node)) throw new Error(`unresolved ref ${ref}`);
  return node;
};

const typeOk = (type: unknown, v: unknown): boolean => {
  switch (type) {
    case 'object':
      return isObject(v);
    case 'array':
      return Array.isArray(v);
    case 'string':
      return typeof v === 'string';
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v);
    case 'number':
      return typeof v === 'number';
    case 'boolean':
      return typeof v === 'boolean';
    default:
      return true;
  }
};

/** Every violation as `path: message`; an empty list means the value fits the schema. */
export const validate = (doc: OpenApiDoc, schema: Schema, value: unknown, path = '$', depth = 0): string[] => {
  if (depth > 64) return [`${path}: schema nesting too deep`];
  if (typeof schema.$ref === 'string') return validate(doc, resolveRef(doc, schema.$ref), value, path, depth + 1);
  if (value === null && schema.nullable === true) return [];
  const errors: string[] = [];
  if (Array.isArray(schema.allOf)) for (const s of schema.allOf as Schema[]) errors.push(...validate(doc, s, value, path, depth + 1));
  if (Array.isArray(schema.anyOf) && !(schema.anyOf as Schema[]).some((s) => validate(doc, s, value, path, depth + 1).length === 0)) {
    errors.push(`${path}: matches none of anyOf`);
  }
  if (Array.isArray(schema.oneOf) && (schema.oneOf as Schema[]).filter((s) => validate(doc, s, value, path, depth + 1).length === 0).length !== 1) {
    errors.push(`${path}: does not match exactly one of oneOf`);
  }
  if (schema.type !== undefined && !typeOk(schema.type, value)) return [...errors, `${path}: expected ${String(schema.type)}`];
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) errors.push(`${path}: ${JSON.stringify(value)} not in enum`);
  if (typeof value === 'number' && typeof schema.minimum === 'number' && value < schema.minimum) errors.push(`${path}: below minimum ${schema.minimum}`);
  if (typeof value === 'string' && typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) errors.push(`${path}: does not match ${schema.pattern}`);
  if (isObject(value)) {
    const props = isObject(schema.properties) ? schema.properties : {};
    if (Array.isArray(schema.required)) for (const k of schema.required as string[]) if (!(k in value)) errors.push(`${path}.${k}: required`);
    for (const [k, v] of Object.entries(value)) {
      const p = props[k];
      if (isObject(p)) errors.push(...validate(doc, p, v, `${path}.${k}`, depth + 1));
      else if (schema.additionalProperties === false) errors.push(`${path}.${k}: not allowed`);
      else if (isObject(schema.additionalProperties)) errors.push(...validate(doc, schema.additionalProperties, v, `${path}.${k}`, depth + 1));
    }
  }
  if (Array.isArray(value) && isObject(schema.items)) value.forEach((item, i) => errors.push(...validate(doc, schema.items as Schema, item, `${path}[${i}]`, depth + 1)));
  return errors;
};

/** The operation's path template that matches a concrete path (`{x}` = one segment). */
export const matchPath = (doc: OpenApiDoc, path: string): string | undefined =>
  Object.keys(doc.paths).find((template) => new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+')}$`).test(path));

/** The JSON schema of a response, or undefined when the document does not declare that status. */
export const responseSchema = (doc: OpenApiDoc, template: string, method: string, status: number): Schema | undefined => {
  const op = doc.paths[template]?.[method.toLowerCase()];
  if (!isObject(op) || !isObject(op.responses)) return undefined;
  const r = op.responses[String(status)];
  if (!isObject(r)) return undefined;
  const resolved = typeof r.$ref === 'string' ? resolveRef(doc, r.$ref) : r;
  const content = isObject(resolved.content) ? resolved.content['application/json'] : undefined;
  return isObject(content) && isObject(content.schema) ? content.schema : undefined;
};
