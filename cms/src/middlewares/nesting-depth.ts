/**
 * Refuses request bodies nested deeper than any real document: 400 instead of the 500 a
 * `RangeError: Maximum call stack size exceeded` gives when Strapi's validation, sanitising or
 * storage recurse through them (rich text nested 1,000 levels, a JSON body 100,000 deep).
 * Runs right after strapi::body: parsing itself copes with any depth, what follows does not.
 */
import { errors } from '@strapi/utils';

/**
 * JSON levels (each object and each array counts). An article's deepest real content — a list
 * nested five levels inside rich text inside the body's dynamic zone — is about 20.
 */
const MAX_NESTING_DEPTH = 100;

/** How deep `value` nests, counted without recursion (so any depth can be measured), stopping past `limit`. */
function nestingDepth(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (typeof item !== 'object' || item === null) continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > limit) return deepest;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return deepest;
}

export default () => async (ctx: { request: { body?: unknown } }, next: () => Promise<void>) => {
  if (nestingDepth(ctx.request.body, MAX_NESTING_DEPTH) > MAX_NESTING_DEPTH) {
    throw new errors.ValidationError(
      `Nội dung gửi lên lồng nhau quá sâu (hơn ${MAX_NESTING_DEPTH} cấp) nên không thể lưu. Hãy giảm số cấp danh sách hoặc khối lồng trong nhau.`,
      { maxDepth: MAX_NESTING_DEPTH },
    );
  }
  await next();
};
