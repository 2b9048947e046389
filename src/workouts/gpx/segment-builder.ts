import { GpxPointValueError } from 'src/workouts/gpx/gpx-errors';
import type { GpxSegmentPoints } from 'src/workouts/gpx/gpx-types';
import { isWithin, outOfRangeText, type PointValue } from 'src/workouts/gpx/point-limits';

const INITIAL_CAPACITY = 256;

/**
 * Growing typed-array buffers for the points of one `<trkseg>` (no per-point objects). Every
 * point passes through `push`, from the byte scanner and the event path alike, so this is
 * where coordinates and elevations are held to `point-limits.ts`.
 */
export class SegmentBuilder {
  private lat = new Float64Array(INITIAL_CAPACITY);
  private lon = new Float64Array(INITIAL_CAPACITY);
  private ele = new Float64Array(INITIAL_CAPACITY);
  private time = new Float64Array(INITIAL_CAPACITY);
  private count = 0;
  private hasNaiveTimes = false;
  private hasAwareTimes = false;
  private hasInvalidOffset = false;

  /** 0-based place of the segment in the file, for the errors. */
  constructor(
    private readonly trackIndex = 0,
    private readonly segmentIndex = 0,
  ) {}

  /** `ele` NaN: no elevation. Throws `GpxPointValueError` for a value out of range. */
  push(
    lat: number,
    lon: number,
    ele: number,
    time: number,
    naive: boolean,
    badOffset: boolean,
  ): void {
    if (!isWithin(lat, 'latitude')) this.refuse('latitude', lat);
    if (!isWithin(lon, 'longitude')) this.refuse('longitude', lon);
    if (ele === ele && !isWithin(ele, 'elevation')) this.refuse('elevation', ele);
    if (this.count === this.lat.length) this.grow();
    const i = this.count++;
    this.lat[i] = lat;
    this.lon[i] = lon;
    this.ele[i] = ele;
    this.time[i] = time;
    if (time === time) {
      if (naive) this.hasNaiveTimes = true;
      else this.hasAwareTimes = true;
      if (badOffset) this.hasInvalidOffset = true;
    }
  }

  build(): GpxSegmentPoints {
    const n = this.count;
    return {
      count: n,
      lat: this.lat.subarray(0, n),
      lon: this.lon.subarray(0, n),
      ele: this.ele.subarray(0, n),
      time: this.time.subarray(0, n),
      hasNaiveTimes: this.hasNaiveTimes,
      hasAwareTimes: this.hasAwareTimes,
      hasInvalidOffset: this.hasInvalidOffset,
    };
  }

  /** The point being added (or read, for its children) has an impossible value. */
  refuse(name: PointValue, value: number): never {
    throw new GpxPointValueError(outOfRangeText(name, value), {
      track: this.trackIndex,
      segment: this.segmentIndex,
      point: this.count,
    });
  }

  private grow(): void {
    const size = this.lat.length * 2;
    this.lat = copyInto(new Float64Array(size), this.lat);
    this.lon = copyInto(new Float64Array(size), this.lon);
    this.ele = copyInto(new Float64Array(size), this.ele);
    this.time = copyInto(new Float64Array(size), this.time);
  }
}

function copyInto(
  target: Float64Array<ArrayBuffer>,
  source: Float64Array,
): Float64Array<ArrayBuffer> {
  target.set(source);
  return target;
}
