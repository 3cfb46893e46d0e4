namespace QNetLang.Ir;

/// <summary>
/// The geometry of one pass of a satellite in a circular orbit over a ground station, on a
/// spherical, non-rotating Earth (docs/simulator.md, "Satellite passes"). The station lies at
/// a central angle β from the ground track, fixed by the pass's highest elevation; the
/// satellite moves along its track at the angular rate ω = √(GM/r³), r = R + h. At time t
/// after the culmination the central angle γ between station and satellite has
/// cos γ = cos β·cos(ωt), the slant range is d = √(R² + r² − 2Rr·cos γ) and the elevation e has
/// sin e = (r·cos γ − R)/d. The pass lasts while e ≥ the minimum elevation: from rise to set
/// 2·arccos(cos γ_min / cos β)/ω, where γ(e) = arccos(R·cos e / r) − e.
/// </summary>
public sealed record SatellitePass(double OrbitHeight, double MaxElevationDegrees, double MinElevationDegrees)
{
    /// <summary>Mean radius of the Earth, m (IUGG).</summary>
    public const double EarthRadius = 6_371_000;

    /// <summary>The Earth's gravitational parameter GM, m³/s² (WGS 84).</summary>
    public const double EarthGravitationalParameter = 3.986004418e14;

    private double OrbitRadius => EarthRadius + OrbitHeight;

    /// <summary>Angular rate of the satellite along its orbit, rad/s.</summary>
    public double AngularRate => Math.Sqrt(EarthGravitationalParameter / Math.Pow(OrbitRadius, 3));

    /// <summary>Central angle between the station and the sub-satellite point when the satellite is at elevation e (degrees).</summary>
    public double CentralAngle(double elevationDegrees)
    {
        double e = elevationDegrees * Math.PI / 180;
        return Math.Acos(EarthRadius * Math.Cos(e) / OrbitRadius) - e;
    }

    private double HalfPassAngle => Math.Acos(Math.Cos(CentralAngle(MinElevationDegrees)) / Math.Cos(CentralAngle(MaxElevationDegrees)));

    /// <summary>From rise to set above the minimum elevation, s.</summary>
    public double Duration => 2 * HalfPassAngle / AngularRate;

    /// <summary>Slant range (m) and elevation (degrees) at <paramref name="sinceRise"/> seconds after the satellite rose above the minimum elevation.</summary>
    public (double SlantRange, double ElevationDegrees) At(double sinceRise)
    {
        double alongTrack = AngularRate * sinceRise - HalfPassAngle;
        double cosGamma = Math.Cos(CentralAngle(MaxElevationDegrees)) * Math.Cos(alongTrack);
        double r = OrbitRadius, R = EarthRadius;
        double range = Math.Sqrt(R * R + r * r - 2 * R * r * cosGamma);
        double elevation = Math.Asin(Math.Clamp((r * cosGamma - R) / range, -1, 1)) * 180 / Math.PI;
        return (range, elevation);
    }
}
