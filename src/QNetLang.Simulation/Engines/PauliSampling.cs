namespace QNetLang.Simulation.Engines;

/// <summary>Draws Paulis for the engines that unravel Pauli channels into trajectories.</summary>
internal static class PauliSampling
{
    /// <summary>0 (I), 1 (X), 2 (Y) or 3 (Z) with probabilities 1−px−py−pz, px, py, pz.</summary>
    public static int Single(double px, double py, double pz, ShotRandom random)
    {
        if (px + py + pz <= 0) return 0;
        double u = random.NextDouble();
        if (u < px) return 1;
        if (u < px + py) return 2;
        if (u < px + py + pz) return 3;
        return 0;
    }

    /// <summary>(pauliA, pauliB) for the two-qubit depolarising channel, or (0, 0).</summary>
    public static (int A, int B) Two(double p, ShotRandom random)
    {
        if (!random.Chance(p)) return (0, 0);
        int k = 1 + random.NextInt(15); // 1..15: the non-identity pairs
        return (k / 4, k % 4);
    }
}
