import * as z from 'zod/mini';
import { Surface, AccessInput, ErasureInput, RightsRequestInput, TransitionInput } from '../../shared/contract/index.ts';
for (const s of [Surface, AccessInput, ErasureInput, TransitionInput] as z.core.$ZodType[]) {
  console.log(JSON.stringify(z.toJSONSchema(s, {io:'input'})));
  console.log(JSON.stringify(z.toJSONSchema(s, {io:'output'})));
}
const r = z.registry<{id: string}>();
r.add(Surface, {id: 'Surface'}); r.add(AccessInput, {id:'AccessInput'});
const out = z.toJSONSchema(r, { io: 'input', uri: (id) => `#/components/schemas/${id}` });
console.log(JSON.stringify(out, null, 1));
