// Response types come from the generated api-types.ts (the gateway's merged OpenAPI). The services' descriptions
// mark no field required, so a response type here is the schema with every field present; fields the READMEs say
// may be null are still compared with null where it matters. Enumerations the descriptions leave as strings are
// narrowed in the feature's api.ts.
import type { components } from './api-types';

type Schemas = components['schemas'];
export type Shown<T> = { [K in keyof T]-?: Exclude<T[K], undefined> };
export type Schema<N extends keyof Schemas> = Shown<Schemas[N]>;
