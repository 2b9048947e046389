import { type Type } from '@nestjs/common';
import { CUSTOM_ROUTE_ARGS_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { MetadataScanner } from '@nestjs/core';
import { getMetadataStorage } from 'class-validator';
import { isNullableString, isString } from 'src/auth/dto/is-present.decorator';
import { isCheckedParamFactory } from 'src/common/validation/checked-param.decorator';
import { columnLength, type EntityClass } from 'src/common/validation/column-length';
import {
  BOUNDED_BY_SERVICE,
  FITS_COLUMN,
  IN_INT4_RANGE,
  NOT_STORED,
} from 'src/common/validation/string-bounds.decorators';

/**
 * Parameters EdgeInputGuard and EdgeInputPipe cover: path, query and body values, headers (no
 * NUL can reach them through Node's parser), the response. The raw request is covered while its
 * body is parsed before routing (JSON, form), not for multipart, parsed later.
 */
const COVERED = new Set<number>([
  RouteParamtypes.BODY,
  RouteParamtypes.QUERY,
  RouteParamtypes.PARAM,
  RouteParamtypes.HEADERS,
  RouteParamtypes.RESPONSE,
  RouteParamtypes.NEXT,
  RouteParamtypes.IP,
  RouteParamtypes.HOST,
]);

interface RouteArgument {
  factory?: unknown;
}

function consumesMultipart(controller: Type, handler: object): boolean {
  const types = [
    ...((Reflect.getMetadata('swagger/apiConsumes', handler) as string[] | undefined) ?? []),
    ...((Reflect.getMetadata('swagger/apiConsumes', controller) as string[] | undefined) ?? []),
  ];
  return types.includes('multipart/form-data');
}

/** Handler parameters whose values reach the handler without the edge rules. */
export function parameterViolations(controller: Type): string[] {
  const prototype = controller.prototype as Record<string, object>;
  const violations: string[] = [];
  for (const method of new MetadataScanner().getAllMethodNames(prototype)) {
    const handler = prototype[method];
    const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {}) as Record<
      string,
      RouteArgument
    >;
    for (const [key, argument] of Object.entries(args)) {
      const where = `${controller.name}.${method} argument ${key.split(':').pop() ?? '?'}`;
      if (key.includes(CUSTOM_ROUTE_ARGS_METADATA)) {
        if (!isCheckedParamFactory(argument.factory))
          violations.push(`${where}: custom decorator not made with createCheckedParamDecorator`);
        continue;
      }
      const type = Number(key.split(':')[0]);
      const isRequest = key.startsWith(`${RouteParamtypes.REQUEST}:`);
      if (isRequest && handler && consumesMultipart(controller, handler))
        violations.push(`${where}: raw request on a multipart route`);
      else if (!isRequest && !COVERED.has(type))
        violations.push(`${where}: ${RouteParamtypes[type] ?? type} is not checked at the edge`);
    }
  }
  return violations;
}

/** Constraints that bound a string: a column, an explicit length, a set, or not stored. */
const BOUNDS = new Set([
  FITS_COLUMN,
  BOUNDED_BY_SERVICE,
  NOT_STORED,
  IN_INT4_RANGE,
  'maxLength',
  'isIn',
]);

interface Constraint {
  name: string;
  constraints: unknown[];
}

function isTextual(dto: Type, property: string, constraints: readonly Constraint[]): boolean {
  const designType = Reflect.getMetadata('design:type', dto.prototype as object, property);
  return (
    designType === String ||
    constraints.some(
      ({ name, constraints: args }) =>
        name === 'isString' ||
        name === 'matches' ||
        (name === 'isPresent' && (args[0] === isString || args[0] === isNullableString)),
    )
  );
}

/**
 * String properties of a request DTO without a bound, and service-checked bounds larger than
 * their column: the walk over every DTO/entity pair that keeps a new field from reaching a
 * column unbounded.
 */
export function dtoBoundViolations(dto: Type): string[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
  const byProperty = new Map<string, Constraint[]>();
  for (const entry of metadata)
    byProperty.set(entry.propertyName, [
      ...(byProperty.get(entry.propertyName) ?? []),
      { name: entry.name ?? '', constraints: entry.constraints as unknown[] },
    ]);
  const violations: string[] = [];
  for (const [property, constraints] of byProperty) {
    if (isTextual(dto, property, constraints) && !constraints.some((c) => BOUNDS.has(c.name)))
      violations.push(`${dto.name}.${property}: a string without a bound`);
    for (const { name, constraints: args } of constraints) {
      if (name !== BOUNDED_BY_SERVICE) continue;
      const [entity, column, maxLength] = args as [EntityClass<object>, string, number];
      const limit = columnLength(entity, column as never);
      if (limit !== undefined && maxLength > limit)
        violations.push(
          `${dto.name}.${property}: ${maxLength} > ${entity.name}.${column} (${limit})`,
        );
    }
  }
  return violations;
}
