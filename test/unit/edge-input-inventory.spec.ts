import { readdirSync } from 'node:fs';
import { join } from 'node:path';

import {
  Body,
  Controller,
  createParamDecorator,
  Get,
  type INestApplication,
  Post,
  Req,
  type Type,
  UploadedFile,
} from '@nestjs/common';
import { ApiConsumes } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { CurrentUser } from 'src/auth/decorators';
import { IsPresent, isString } from 'src/auth/dto/is-present.decorator';
import {
  BoundedByService,
  FitsColumn,
  NotStored,
} from 'src/common/validation/string-bounds.decorators';
import { User } from 'src/users/user.entity';
import { dtoBoundViolations, parameterViolations } from 'test/helpers/edge-inventory';
import { controllersOf } from 'test/helpers/route-inventory';
import { createPreviewApp } from 'test/setup/preview-app';

const SRC = join(__dirname, '..', '..', 'src');

/** Every class exported by a `*.dto.ts` file under src/. */
function dtoClasses(): Type[] {
  const files = (readdirSync(SRC, { recursive: true }) as string[]).filter((file) =>
    file.endsWith('.dto.ts'),
  );
  return files.flatMap((file) =>
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- each DTO file, to walk its classes
    Object.values(require(join(SRC, file)) as Record<string, unknown>).filter(
      (value): value is Type => typeof value === 'function',
    ),
  );
}

const Unchecked = createParamDecorator((_data: unknown) => 'raw');

@Controller('careless')
class CarelessController {
  @Post('a')
  fine(@Body() _body: unknown, @CurrentUser() _user: User): void {}

  @Post('b')
  @ApiConsumes('multipart/form-data')
  multipartRequest(@Req() _request: unknown): void {}

  @Get('c')
  custom(@Unchecked() _value: string): void {}

  @Post('d')
  file(@UploadedFile() _file: unknown): void {}
}

class CarelessDto {
  @IsString()
  name!: string;

  @IsOptional()
  @Matches(/^\d+$/)
  page?: string;

  @IsPresent(isString)
  label!: string;

  @IsString()
  @BoundedByService(User, 'username', 300)
  username!: string;

  @IsString()
  @FitsColumn(User, 'bio')
  bio!: string;

  @IsString()
  @MaxLength(10)
  code!: string;

  @IsString()
  @NotStored()
  password!: string;
}

describe('edge inventory: no input reaches a handler or a column unchecked', () => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await createPreviewApp();
  });
  afterAll(() => app.close());

  it('finds every parameter of every controller covered by the edge rules', () => {
    expect(controllersOf(app).length).toBeGreaterThan(10);
    expect(controllersOf(app).flatMap(parameterViolations)).toEqual([]);
  });

  it('reports a custom decorator, a raw multipart request and a file parameter', () => {
    expect(parameterViolations(CarelessController)).toEqual([
      'CarelessController.multipartRequest argument 0: raw request on a multipart route',
      'CarelessController.custom argument 0: custom decorator not made with createCheckedParamDecorator',
      'CarelessController.file argument 0: FILE is not checked at the edge',
    ]);
  });

  it('finds a bound on every string of every request DTO', () => {
    const dtos = dtoClasses();
    expect(dtos.map((dto) => dto.name)).toEqual(
      expect.arrayContaining(['RegisterDto', 'UpdateWorkoutDto', 'ListUsersQueryDto']),
    );
    expect(dtos.flatMap(dtoBoundViolations)).toEqual([]);
  });

  it('reports unbounded strings and a service bound wider than its column', () => {
    expect(dtoBoundViolations(CarelessDto)).toEqual([
      'CarelessDto.name: a string without a bound',
      'CarelessDto.page: a string without a bound',
      'CarelessDto.label: a string without a bound',
      'CarelessDto.username: 300 > User.username (255)',
    ]);
  });
});
