namespace QNetLang.Distribution.Telegates;

/// <summary>
/// The basis in which every gate of a run acts diagonally on the run's qubit, which is the basis
/// its cat-entangled copies are made in: Z for controls and phases (CZ, the control of CX, RZ),
/// X for targets (the target of CX, X, RX, RXX).
/// </summary>
public enum RunBasis
{
    Z,
    X,
}
