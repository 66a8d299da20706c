/**
 * What every feature shares: the one problem+json mapper (strict JSON reading included), the
 * injected clock, and the OpenAPI filter that keeps /q/openapi true to the wire.
 */
package jp.koyomi.common;
