/** The rights API's version: the OpenAPI document's `info.version` and `GET /health`'s `version`. */
export const API_VERSION = '0.1.0';
